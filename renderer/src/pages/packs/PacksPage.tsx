// The Packs page: make a Word pack (with a preview of what it will say), the register of every
// pack made, and the firm's pack template.
import { useState } from 'react';
import { PackMaker } from './PackMaker';
import { PackRegister } from './PackRegister';
import { TemplateForm } from './TemplateForm';

export function PacksPage() {
  // Bumped when a pack is made, so the register reloads.
  const [made, setMade] = useState(0);
  return (
    <section className="packs-page" aria-labelledby="page-title">
      <h1 id="page-title">Packs</h1>
      <p className="lead">
        Word documents that show an instructing party how a case manager, a supplier or the whole firm stands against the MTSP Code of Conduct, with the records
        and files behind each answer. Every pack you save is listed in the register with its fingerprint.
      </p>
      <PackMaker onMade={() => setMade((n) => n + 1)} />
      <PackRegister refresh={made} />
      <TemplateForm />
    </section>
  );
}
