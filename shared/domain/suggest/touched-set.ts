/** A set of item indexes, cleared in O(1): the items one query touched, so scoring skips the rest. */
export class TouchedSet {
  readonly list: Int32Array;
  size = 0;
  private readonly mark: Uint32Array;
  private generation = 1;

  constructor(capacity: number) {
    this.list = new Int32Array(capacity);
    this.mark = new Uint32Array(capacity);
  }

  clear(): void {
    this.generation++;
    this.size = 0;
  }

  add(i: number): void {
    if (this.mark[i] === this.generation) return;
    this.mark[i] = this.generation;
    this.list[this.size++] = i;
  }
}
