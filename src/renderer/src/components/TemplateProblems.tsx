import type { DocumentProblem } from '../../../shared/graph/problems';

interface TemplateProblemsProps {
  readonly name: string;
  readonly problems: readonly DocumentProblem[];
}

/** Shown instead of the inspector when a template file itself is broken. */
export function TemplateProblems({ name, problems }: TemplateProblemsProps) {
  return (
    <article className="inspector">
      <header className="inspector-header">
        <h1>{name}</h1>
        <p className="description">
          Neurite could not read this file. Fix the places listed below, then rebuild.
        </p>
      </header>
      <ul className="issue-list">
        {problems.map((problem, index) => (
          <li key={index} className="issue issue-error">
            <span className="issue-severity">Error</span>
            <span className="issue-text">
              {problem.path && <code className="issue-path">{problem.path}</code>}
              {problem.message}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
