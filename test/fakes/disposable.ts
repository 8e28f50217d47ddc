// The `vscode.Disposable` of the fake vscode modules the unit tests use, faithful to VS Code's.
/** As VS Code's: `from` disposes each item in order, and a Disposable runs its callback once. */
export class Disposable {
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => {
      for (const i of items) i.dispose();
    });
  }
  private fn: (() => unknown) | undefined;
  constructor(fn: () => unknown = () => undefined) {
    this.fn = fn;
  }
  dispose(): void {
    const fn = this.fn;
    this.fn = undefined;
    fn?.();
  }
}
