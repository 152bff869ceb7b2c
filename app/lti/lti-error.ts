/** A launch or login refused: the French message is what the page says, the status what HTTP says. */
export class LtiError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
