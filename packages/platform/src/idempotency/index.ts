import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../mongo';

export type BeginResult = 'run' | 'duplicate' | 'busy';

export interface Delivery {
  /** Transport retries so far; each retry takes a claim of its own. */
  retries: number;
  /** Operator replays from a dead-letter queue; each replay takes claims of its own. */
  replays?: number;
  /** The broker redelivered the message: whoever held it lost its channel or died. */
  redelivered: boolean;
  deliveryCount?: number;
}

interface Marker {
  _id: string;
  kind: 'claim' | 'takeover' | 'done';
  owner: string;
  at: Date;
  leaseUntil?: Date;
}

/**
 * Makes a handler's effect happen once per event id under redelivery and concurrent consumers.
 *
 * Every decision rests on unique-key inserts, which are atomic on every MongoDB-protocol server
 * (a conditional update is not atomic on FerretDB):
 * - `begin` inserts a claim `<key>#r<retries>`. The insert that wins runs the handler.
 * - A losing insert reads the markers: `<key>#done` means the effect already happened (`duplicate`);
 *   a live claim means another consumer is on it (`busy`: try later). A claim whose lease ran out,
 *   or a broker redelivery (the holder died or lost its channel), is taken over by inserting a
 *   takeover marker named after that lease or delivery count, so exactly one taker wins.
 * - `complete` inserts `<key>#done` after the handler's effects and follow-up events are durable.
 *
 * The happy path costs two inserts and no lookups. Handlers must still make their own writes
 * idempotent (deterministic ids, upserts keyed by document), because a crash between an effect and
 * `complete` re-runs the handler: this store prevents concurrent double work and skips finished
 * work; the deterministic follow-up event ids make a re-run invisible downstream.
 */
export class IdempotencyStore {
  private readonly collection: Collection<Marker>;

  constructor(
    db: Db,
    private readonly owner: string,
    private readonly leaseMs: number,
    collectionName = 'processed_events',
  ) {
    this.collection = db.collection<Marker>(collectionName);
  }

  async begin(key: string, delivery: Delivery): Promise<BeginResult> {
    const replay = delivery.replays ? `p${delivery.replays}` : '';
    const claimId = `${key}#${replay}r${delivery.retries}`;
    const now = new Date();
    if (
      await this.insert({
        _id: claimId,
        kind: 'claim',
        owner: this.owner,
        at: now,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
      })
    ) {
      return 'run';
    }
    // two lookups by _id rather than one `$in`, which some MongoDB-protocol servers answer by scan
    const [done, claim] = await Promise.all([
      this.collection.findOne({ _id: `${key}#done${replay}` }),
      this.collection.findOne({ _id: claimId }),
    ]);
    if (done) return 'duplicate';
    const leaseOver = !claim?.leaseUntil || claim.leaseUntil.getTime() < now.getTime();
    if (!leaseOver && !delivery.redelivered) return 'busy';
    const round = delivery.redelivered
      ? `d${delivery.deliveryCount ?? claim?.at.getTime() ?? 0}`
      : `l${claim?.leaseUntil?.getTime() ?? 0}`;
    const won = await this.insert({
      _id: `${claimId}#takeover-${round}`,
      kind: 'takeover',
      owner: this.owner,
      at: now,
    });
    return won ? 'run' : 'busy';
  }

  async complete(key: string, replays = 0): Promise<void> {
    const replay = replays ? `p${replays}` : '';
    await this.insert({
      _id: `${key}#done${replay}`,
      kind: 'done',
      owner: this.owner,
      at: new Date(),
    });
  }

  /** True when the insert won; false on a duplicate key. */
  private async insert(marker: Marker): Promise<boolean> {
    try {
      await this.collection.insertOne(marker);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}
