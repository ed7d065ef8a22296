/**
 * The way back to the list of projects, written out in the header of every other screen: a
 * student need not know that the logo is a link.
 */
export function BackToProjects() {
  return (
    <a className="back-to-projects" href="#/">
      <span aria-hidden="true">← </span>Projects
    </a>
  );
}
