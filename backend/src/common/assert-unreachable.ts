/** Ends an exhaustive `switch`: the compiler proves it unreachable, and it throws if it is not. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
