/** A one-line progress bar for long imports, drawn only on a terminal. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, label = 'importing') {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let lastDraw = 0;
  const started = performance.now();
  const draw = (done: number, total: number) => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
    const fraction = total === 0 ? 1 : done / total;
    const filled = Math.round(fraction * width);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${(fraction * 100).toFixed(0)}% ${rate}/s `,
    );
  };
  return {
    update(done: number, total: number) {
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      draw(done, total);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
