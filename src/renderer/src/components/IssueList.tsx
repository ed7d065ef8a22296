import type { IssueLine } from '../inspection';

export function IssueList({ issues }: { readonly issues: readonly IssueLine[] }) {
  if (issues.length === 0) {
    return <p className="all-clear">No problems found: every layer fits the one before it.</p>;
  }
  return (
    <ul className="issue-list">
      {issues.map((issue, index) => (
        <li key={index} className={`issue issue-${issue.severity}`}>
          <span className="issue-severity">{issue.severity === 'error' ? 'Error' : 'Warning'}</span>
          <span className="issue-text">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
