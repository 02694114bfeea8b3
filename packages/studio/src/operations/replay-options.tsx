export type ReplayFrom = 'failed' | 'trigger';
export type ReplayRevision = 'original' | 'deployed';

/** The two choices of every replay: where to start, and with which revision. */
export function ReplayOptions({
  from,
  revision,
  onFrom,
  onRevision,
  canResume = true,
}: {
  from: ReplayFrom;
  revision: ReplayRevision;
  onFrom(from: ReplayFrom): void;
  onRevision(revision: ReplayRevision): void;
  canResume?: boolean;
}) {
  return (
    <div className="filters">
      <label>
        Replay from
        <select value={from} onChange={(e) => onFrom(e.target.value as ReplayFrom)}>
          <option value="failed" disabled={!canResume}>
            The failed node (reuse completed steps)
          </option>
          <option value="trigger">The trigger (run everything again)</option>
        </select>
      </label>
      <label>
        Revision
        <select value={revision} onChange={(e) => onRevision(e.target.value as ReplayRevision)}>
          <option value="original">The original revision</option>
          <option value="deployed">The deployed revision</option>
        </select>
      </label>
    </div>
  );
}
