// Integers a JavaScript number cannot hold exactly (a tweet id, 1399412345678901234) in a person's
// own fields: kept as their digits so a save writes back what they wrote, not …200.

export class LargeInteger {
  constructor(readonly digits: string) {}
  /** JSON has no exact form JavaScript writes for it: exports give the digits as a string rather than a rounded number. */
  toJSON(): string {
    return this.digits;
  }
  toString(): string {
    return this.digits;
  }
}

/**
 * The value an integer read from YAML is kept as: a number when writing that number gives back the
 * same digits (so 100000000000000000000 stays a number), otherwise its exact digits.
 */
export function integerValue(digits: string): number | LargeInteger {
  const n = Number(digits);
  return Number.isSafeInteger(n) || String(n) === digits ? n : new LargeInteger(digits);
}

export function isLargeInteger(v: unknown): v is LargeInteger {
  return v instanceof LargeInteger;
}
