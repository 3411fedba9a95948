// The MTSP case manager self checklist, worked through from one person's own records:
// each question with its answer (status word and colour), the evidence behind it and a
// link to where it is fixed. Route: #/checklist or #/checklist/REF.
import { call } from '../api';
import { useLoad } from '../hooks';
import { ukDateLong } from '../format';
import { StatusBadge } from '../components/Status';
import { fixLink } from '../links';
import type { ChecklistLine } from '../../../electron/contract/ops/evidence';

const SYMBOL = { not_met: '✕', due_soon: '!', met: '✓', exempt: '–', not_applicable: '–' } as const;
const ANSWER_WORDS = { not_met: 'Not yet', due_soon: 'Yes, but due soon', met: 'Yes', exempt: 'Exempt', not_applicable: 'Does not apply' } as const;

export function SelfChecklist({ staffRef, go }: { staffRef?: string; go: (to: string) => void }) {
  const people = useLoad(() => call('listStaff', {}), []);
  const chosen = staffRef ?? people.data?.[0]?.ref;
  const checklist = useLoad(
    () => (chosen ? Promise.all([call('selfChecklist', { ref: chosen }), call('ruleCatalogue', {})]) : Promise.resolve(null)),
    [chosen],
  );
  const error = people.error ?? checklist.error;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Case manager self checklist</h1>
      <p className="hint">
        Ten questions every case manager should be able to answer yes to before an instructing party asks. The answers come from the records in this vault;
        follow a link to put something right.
      </p>
      {people.data && people.data.length === 0 ? (
        <p>
          No staff yet. <a href="#/staff">Add yourself as a staff member</a> first.
        </p>
      ) : null}
      {people.data && people.data.length > 0 ? (
        <div className="field chooser">
          <label htmlFor="checklist-person">Whose records</label>
          <select id="checklist-person" value={chosen} onChange={(e) => go(`/checklist/${encodeURIComponent(e.target.value)}`)}>
            {people.data.map((p) => (
              <option key={p.ref} value={p.ref}>
                {p.name} ({p.ref})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {checklist.data ? <Answers list={checklist.data[0]} titles={new Map(checklist.data[1].map((r) => [r.id, r.title]))} /> : null}
    </section>
  );
}

function Answers({ list, titles }: { list: Awaited<ReturnType<typeof call<'selfChecklist'>>>; titles: Map<string, string> }) {
  const open = list.answers.filter((a) => a.status === 'not_met' || a.status === 'due_soon').length;
  return (
    <>
      <p className="page-head">
        <span>
          {list.name}, as of {ukDateLong(list.asOf)}: {open === 0 ? 'every answer is yes.' : `${open} of ${list.answers.length} need attention.`}
        </span>
        <StatusBadge status={list.overall} />
      </p>
      <ol className="checklist" aria-label={`Self checklist for ${list.name}`}>
        {list.answers.map((a) => (
          <li key={a.id} data-question={a.id} className={`card answer answer-${a.status}`}>
            <div className="answer-head">
              <h2 className="question">{a.question}</h2>
              <span className={`answer-word status status-${a.status}`}>
                <span aria-hidden="true">{SYMBOL[a.status]} </span>
                <span className="visually-hidden">Answer: </span>
                {ANSWER_WORDS[a.status]}
              </span>
            </div>
            {a.note ? <p className="hint">{a.note}</p> : null}
            {a.lines.length ? (
              <ul className="plain answer-lines">
                {a.lines.map((l) => (
                  <Line key={`${l.subject}-${l.ref}-${l.rule}`} line={l} title={titles.get(l.rule) ?? l.rule} />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function Line({ line, title }: { line: ChecklistLine; title: string }) {
  const whose = line.subject === 'firm' ? 'The firm' : line.subject === 'case' ? `Case ${line.ref}` : null;
  const needsFix = line.status === 'not_met' || line.status === 'due_soon';
  return (
    <li data-rule={line.rule}>
      <StatusBadge status={line.status} /> <strong>{whose ? `${whose}: ${title}` : title}</strong> — {line.reason}{' '}
      <a href={fixLink(line.subject, line.ref, line.rule)} aria-label={`${needsFix ? 'Fix' : 'Open'} ${whose ? `${whose}: ` : ''}${title}`}>
        {needsFix ? 'Fix this' : 'Open'}
      </a>
    </li>
  );
}
