export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p>{what} are not in this version of Caseproof yet. The command line and the firm file already carry this data, so nothing you import is lost.</p>
    </section>
  );
}
