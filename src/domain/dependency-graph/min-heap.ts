/** A binary min-heap of (key, value) pairs, for the Dijkstra-style walks. O(log n) push and pop. */
export class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.move(parent, i);
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** The pair with the smallest key; undefined when empty. */
  pop(): { key: number; value: number } | undefined {
    if (this.keys.length === 0) return undefined;
    const top = { key: this.keys[0]!, value: this.values[0]! };
    const key = this.keys.pop()!;
    const value = this.values.pop()!;
    const n = this.keys.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.move(child, i);
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.values[to] = this.values[from]!;
  }
}
