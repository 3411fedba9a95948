// The suppliers section: the list (#/suppliers), one supplier's vetting file
// (#/suppliers/REF) and its printable governance checklist (#/suppliers/REF/checklist).
import { ChecklistPage } from './suppliers/ChecklistPage';
import { SupplierList } from './suppliers/SupplierList';
import { SupplierPage } from './suppliers/SupplierPage';

export function SuppliersPage({ route, go }: { route: string[]; go: (to: string) => void }) {
  const [, ref, sub] = route;
  if (ref && sub === 'checklist') return <ChecklistPage key={ref} supplierRef={ref} />;
  if (ref) return <SupplierPage key={ref} supplierRef={ref} go={go} />;
  return <SupplierList go={go} />;
}
