/** A run that cannot go on, with a message for the student and detail for a bug report. */
export class TrainingFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'TrainingFailure';
  }
}
