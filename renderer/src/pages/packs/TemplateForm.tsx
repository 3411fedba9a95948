// The firm's pack template: logo, main colour, the address block on the cover and a footer line.
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { HEX_COLOUR_RE, MAX_LOGO_BYTES, type TemplateView, templateSettings } from '../../../../electron/contract/ops/packs';
import { useAction, useOp } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { FormMessage, SavedNote, TextInput } from '../../forms/inputs';

export function TemplateForm() {
  return <Form template={useOp('getTemplate', {})} />;
}

function Form({ template }: { template: TemplateView }) {
  const f = useContractForm(templateSettings, { primaryColour: template.primaryColour, addressBlock: template.addressBlock, footerText: template.footerText });
  const update = useAction('updateTemplate');
  const pickLogo = useAction('pickLogo');
  const removeLogo = useAction('removeLogo');
  const primaryColour = useWatch({ control: f.control, name: 'primaryColour' });
  const logo = template.logo;
  const [logoError, setLogoError] = useState<string | null>(null);
  // Errors about the fields go beside them; anything else (e.g. no firm details yet) above the button.
  const submit = f.submit((d) => update.mutateAsync(d));
  const pick = async () => {
    setLogoError(null);
    try {
      await pickLogo.mutateAsync({});
    } catch (err) {
      setLogoError(err instanceof Error ? err.message : String(err));
    }
  };
  const remove = async () => {
    setLogoError(null);
    try {
      await removeLogo.mutateAsync({});
    } catch (err) {
      setLogoError(err instanceof Error ? err.message : String(err));
    }
  };
  const colour = primaryColour && HEX_COLOUR_RE.test(primaryColour.trim()) ? `#${primaryColour.trim().replace(/^#/, '')}` : '#1F4E79';
  return (
    <section className="card" aria-labelledby="template-title">
      <h2 id="template-title">Pack template</h2>
      <p className="hint">
        How every pack looks: your logo and colour on the cover and headings, your address under the firm name, and a line at the foot of each page.
      </p>
      <div className="logo-row">
        <div className="logo-box">{logo ? <img src={logo.dataUrl} alt="The firm logo used on pack covers" /> : <span className="hint">No logo</span>}</div>
        <div>
          {logo ? (
            <p className="hint">
              {logo.name ?? 'Logo'}: {logo.width} × {logo.height} pixels, {Math.ceil(logo.size / 1024)} KB
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={pick}>
              Choose logo…
            </button>
            {logo ? (
              <button type="button" className="secondary" onClick={remove}>
                Remove logo
              </button>
            ) : null}
          </div>
          <p className="hint">A PNG or JPEG image of at most {MAX_LOGO_BYTES / 1024} KB.</p>
          {logoError ? (
            <p className="form-error" role="alert">
              {logoError}
            </p>
          ) : null}
        </div>
      </div>
      <form className="form-grid" onSubmit={submit} aria-label="Pack template" noValidate>
        <div className="colour-field">
          <TextInput form={f} name="primaryColour" label="Main colour" hint="Six hex digits, such as 1F4E79 (a dark blue). Leave empty for the default." />
          <span className="swatch" style={{ background: colour }} aria-hidden="true" />
        </div>
        <TextInput
          form={f}
          name="addressBlock"
          label="Address block"
          multiline
          hint="Shown under the firm name on the cover, one line per line. Leave empty to use the firm’s address."
        />
        <TextInput form={f} name="footerText" label="Footer line" hint="For example your registered office or company number." />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Save template</button>
          <SavedNote form={f} />
        </div>
      </form>
    </section>
  );
}
