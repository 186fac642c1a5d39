/** A minimal client of RabbitMQ's management HTTP API, for tests and tooling. */
export class ManagementClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(managementUrl: string) {
    const url = new URL(managementUrl);
    this.auth =
      'Basic ' +
      Buffer.from(
        `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
      ).toString('base64');
    url.username = '';
    url.password = '';
    this.base = url.toString().replace(/\/$/, '');
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${this.base}/api${path}`, {
      method,
      headers: { ...headers, authorization: this.auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) {
      throw new Error(`management API ${method} ${path}: ${res.status} ${await res.text()}`);
    }
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async createVhost(vhost: string, user = 'guest'): Promise<void> {
    const v = encodeURIComponent(vhost);
    await this.request('PUT', `/vhosts/${v}`, {});
    await this.request('PUT', `/permissions/${v}/${encodeURIComponent(user)}`, {
      configure: '.*',
      write: '.*',
      read: '.*',
    });
  }

  deleteVhost(vhost: string): Promise<unknown> {
    return this.request('DELETE', `/vhosts/${encodeURIComponent(vhost)}`);
  }

  queue(
    vhost: string,
    queue: string,
  ): Promise<{
    messages: number;
    messages_ready: number;
    messages_unacknowledged: number;
    consumers: number;
  }> {
    return this.request('GET', `/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}`);
  }

  /**
   * Closes, from the broker side, the client connections of a vhost whose connection name starts
   * with `namePrefix`. The management API lists connections from its stats, which lag a little,
   * so this waits up to `waitMs` for at least one to show. Returns how many were closed.
   */
  async closeConnections(vhost: string, namePrefix = '', waitMs = 15_000): Promise<number> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const all = await this.request<
        { name: string; client_properties?: { connection_name?: string } }[]
      >('GET', `/vhosts/${encodeURIComponent(vhost)}/connections`);
      const matching = all.filter((c) =>
        (c.client_properties?.connection_name ?? '').startsWith(namePrefix),
      );
      if (matching.length > 0 || Date.now() > deadline) {
        await Promise.all(
          matching.map((c) =>
            this.request('DELETE', `/connections/${encodeURIComponent(c.name)}`, undefined, {
              'x-reason': 'closed by test',
            }),
          ),
        );
        return matching.length;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async connectionCount(vhost: string): Promise<number> {
    const connections = await this.request<unknown[]>(
      'GET',
      `/vhosts/${encodeURIComponent(vhost)}/connections`,
    );
    return connections.length;
  }
}
