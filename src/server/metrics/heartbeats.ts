import type { Database } from '../db/database.js';

/**
 * What the background jobs last did, for /metrics. The jobs are plain functions run by the
 * scheduler (scheduler.ts), not by the app, so they report here, against the database they
 * worked on: the app serving /metrics over that database reads it back (one process holds one
 * database; tests hold several at once).
 */
interface Beats {
  sweeper: { lastSuccessMs: number | null; runs: number; escalated: number };
  outbox: { lastSuccessMs: number | null; runs: number; sent: number; failed: number };
}

const beats = new WeakMap<Database, Beats>();

export function beatsOf(database: Database): Readonly<Beats> {
  let entry = beats.get(database);
  if (!entry) {
    entry = {
      sweeper: { lastSuccessMs: null, runs: 0, escalated: 0 },
      outbox: { lastSuccessMs: null, runs: 0, sent: 0, failed: 0 },
    };
    beats.set(database, entry);
  }
  return entry;
}

/** Called by the SLA sweeper after a complete sweep. */
export function recordSweep(database: Database, escalated: number, at: Date): void {
  const { sweeper } = beatsOf(database);
  sweeper.lastSuccessMs = at.getTime();
  sweeper.runs += 1;
  sweeper.escalated += escalated;
}

/** Called by the notification dispatcher after a delivery round. */
export function recordDelivery(database: Database, report: { sent: number; failed: number }, at: Date): void {
  const { outbox } = beatsOf(database);
  outbox.lastSuccessMs = at.getTime();
  outbox.runs += 1;
  outbox.sent += report.sent;
  outbox.failed += report.failed;
}
