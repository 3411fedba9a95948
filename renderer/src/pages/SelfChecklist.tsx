// The MTSP case manager self checklist, worked through from one person's own records:
// each question with its answer (status word and colour), the evidence behind it and a
// link to where it is fixed. Route: /checklist or /checklist/REF.
import { Suspense } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { PageLoading } from '../components/PageStates';
import { useOp, useOps } from '../data/query';
import { ukDateLong } from '../format';
import { StatusBadge } from '../components/Status';
import { fixLink } from '../links';
import type { ChecklistLine, SelfChecklist as Checklist } from '../../../electron/contract/ops/evidence';

const SYMBOL = { not_met: '✕', due_soon: '!', met: '✓', exempt: '–', not_applicable: '–' } as const;
const ANSWER_WORDS = { not_met: 'Not yet', due_soon: 'Yes, but due soon', met: 'Yes', exempt: 'Exempt', not_applicable: 'Does not apply' } as const;

export function SelfChecklist({ staffRef }: { staffRef?: string }) {
  const people = useOp('listStaff', {});
  const navigate = useNavigate();
  const chosen = staffRef ?? people[0]?.ref;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Case manager self checklist</h1>
      <p className="hint">
        Ten questions every case manager should be able to answer yes to before an instructing party asks. The answers come from the records in this vault;
        follow a link to put something right.
      </p>
      {people.length === 0 ? (
        <p>
          No staff yet. <Link to="/staff">Add yourself as a staff member</Link> first.
        </p>
      ) : null}
      {people.length > 0 ? (
        <div className="field chooser">
          <label htmlFor="checklist-person">Whose records</label>
          <select id="checklist-person" value={chosen} onChange={(e) => void navigate({ to: '/checklist/{-$ref}', params: { ref: e.target.value } })}>
            {people.map((p) => (
              <option key={p.ref} value={p.ref}>
                {p.name} ({p.ref})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen ? (
        <Suspense fallback={<PageLoading />}>
          <Answers staffRef={chosen} />
        </Suspense>
      ) : null}
    </section>
  );
}

function Answers({ staffRef }: { staffRef: string }) {
  const [list, catalogue] = useOps([
    ['selfChecklist', { ref: staffRef }],
    ['ruleCatalogue', {}],
  ]);
  return <AnswerList list={list} titles={new Map(catalogue.map((r) => [r.id, r.title]))} />;
}

function AnswerList({ list, titles }: { list: Checklist; titles: Map<string, string> }) {
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
      <Link {...fixLink(line.subject, line.ref, line.rule)} aria-label={`${needsFix ? 'Fix this' : 'Open'}: ${whose ? `${whose}: ` : ''}${title}`}>
        {needsFix ? 'Fix this' : 'Open'}
      </Link>
    </li>
  );
}
