// The firm's pack template: logo, main colour, the address block on the cover and a footer line.
import { useState } from 'react';
import { HEX_COLOUR_RE, MAX_LOGO_BYTES, type TemplateView, templateSettings } from '../../../../electron/contract/ops/packs';
import { ApiError, call } from '../../api';
import { useLoad, useZodForm } from '../../hooks';
import { TextField } from '../../components/fields';

export function TemplateForm() {
  const { data, error, reload } = useLoad(() => call('getTemplate', {}), []);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  return <Form template={data} onSaved={reload} />;
}

function Form({ template, onSaved }: { template: TemplateView; onSaved: () => void }) {
  const f = useZodForm(templateSettings, { primaryColour: template.primaryColour, addressBlock: template.addressBlock, footerText: template.footerText });
  const v = f.values as { primaryColour?: string; addressBlock?: string; footerText?: string };
  const [saved, setSaved] = useState(false);
  const [logo, setLogo] = useState(template.logo);
  const [logoError, setLogoError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const d = f.parse();
    if (!d) return;
    try {
      await call('updateTemplate', d);
      setSaved(true);
      onSaved();
    } catch (err) {
      // Errors about the fields go beside them; anything else (e.g. no firm details yet) above the button.
      const fields = err instanceof ApiError ? Object.keys(err.fieldErrors()) : [];
      if (fields.length && fields.every((k) => k in templateSettings.shape)) f.fail(err);
      else f.setFormError((err as Error).message);
    }
  };
  const pick = async () => {
    setLogoError(null);
    try {
      setLogo((await call('pickLogo', {})).logo);
    } catch (err) {
      setLogoError((err as Error).message);
    }
  };
  const remove = async () => {
    setLogoError(null);
    try {
      setLogo((await call('removeLogo', {})).logo);
    } catch (err) {
      setLogoError((err as Error).message);
    }
  };
  const colour = v.primaryColour && HEX_COLOUR_RE.test(v.primaryColour.trim()) ? `#${v.primaryColour.trim().replace(/^#/, '')}` : '#1F4E79';
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
          <TextField
            label="Main colour"
            name="primaryColour"
            value={v.primaryColour}
            onChange={(x) => f.set('primaryColour', x)}
            error={f.errorOf('primaryColour')}
            hint="Six hex digits, such as 1F4E79 (a dark blue). Leave empty for the default."
          />
          <span className="swatch" style={{ background: colour }} aria-hidden="true" />
        </div>
        <TextField
          label="Address block"
          name="addressBlock"
          multiline
          value={v.addressBlock}
          onChange={(x) => f.set('addressBlock', x)}
          error={f.errorOf('addressBlock')}
          hint="Shown under the firm name on the cover, one line per line. Leave empty to use the firm’s address."
        />
        <TextField
          label="Footer line"
          name="footerText"
          value={v.footerText}
          onChange={(x) => f.set('footerText', x)}
          error={f.errorOf('footerText')}
          hint="For example your registered office or company number."
        />
        {f.formError ? (
          <p className="form-error" role="alert">
            {f.formError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit">Save template</button>
          {saved ? (
            <span className="saved" role="status">
              Saved.
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
