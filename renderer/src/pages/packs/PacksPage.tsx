// The Packs page: make a Word pack (with a preview of what it will say), the register of every
// pack made, and the firm's pack template.
import { Suspense } from 'react';
import { PageLoading } from '../../components/PageStates';
import { PackFileCheck } from './PackFileCheck';
import { PackMaker } from './PackMaker';
import { PackRegister } from './PackRegister';
import { TemplateForm } from './TemplateForm';

export function PacksPage() {
  return (
    <section className="packs-page" aria-labelledby="page-title">
      <h1 id="page-title">Packs</h1>
      <p className="lead">
        Word documents that show an instructing party how a case manager, a supplier or the whole firm stands against the MTSP Code of Conduct, with the records
        and files behind each answer. Every pack you save is listed in the register with its fingerprint.
      </p>
      <PackMaker />
      {/* The register and the template load on their own, so the maker is usable at once. */}
      <Suspense fallback={<PageLoading />}>
        <PackRegister />
      </Suspense>
      <PackFileCheck />
      <Suspense fallback={<PageLoading />}>
        <TemplateForm />
      </Suspense>
    </section>
  );
}
