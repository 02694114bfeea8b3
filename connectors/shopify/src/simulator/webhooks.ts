import { randomUUID } from 'node:crypto';
import { signShopifyWebhook } from '../webhook/verify-hmac.js';
import { isoTime } from './model.js';

/**
 * A webhook subscription: a topic and the address deliveries go to.
 *
 * @example
 * const subscription: WebhookSubscription = { id: 7000000100, topic: 'orders/create', address: 'http://127.0.0.1:3000/hooks/shop', createdAt: Date.now() };
 */
export interface WebhookSubscription {
  id: number;
  topic: string;
  address: string;
  createdAt: number;
}

/**
 * One try of a delivery.
 *
 * @example
 * const attempt: DeliveryAttempt = { at: Date.now(), status: 503, durationMs: 12 };
 */
export interface DeliveryAttempt {
  at: number;
  status?: number;
  /** Why no status came back: a timeout or a refused connection. */
  error?: string;
  durationMs: number;
}

/**
 * A delivery of one event to one subscription, with every try so far.
 *
 * @example
 * sim.deliveries.filter((delivery) => delivery.topic === 'orders/create' && delivery.state === 'delivered');
 */
export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  subscriptionId: number;
  topic: string;
  address: string;
  body: string;
  headers: Record<string, string>;
  triggeredAt: string;
  attempts: DeliveryAttempt[];
  state: 'pending' | 'delivered' | 'failed';
}

/**
 * How deliveries are sent.
 *
 * @example
 * const options: WebhookDispatcherOptions = { secret: 'shpss_sim', shopDomain: 'waybill-demo.myshopify.com', apiVersion: '2025-01',
 *   retryDelaysMs: [20, 40, 80], timeoutMs: 500, now: Date.now };
 */
export interface WebhookDispatcherOptions {
  secret: string;
  shopDomain: string;
  apiVersion: string;
  /** Wait before each retry; the delivery fails after the last (Shopify: 8 over 4 hours). */
  retryDelaysMs: readonly number[];
  /** Time Shopify gives a receiver to answer (5 s). */
  timeoutMs: number;
  now: () => number;
}

/**
 * Shopify's retry schedule in shape: 8 retries, doubling, about 4 hours in all.
 *
 * @example
 * SHOPIFY_RETRY_DELAYS_MS.length; // 8
 */
export const SHOPIFY_RETRY_DELAYS_MS: readonly number[] = [60, 120, 240, 480, 960, 1920, 3840, 7200].map(
  (seconds) => seconds * 1000,
);

/**
 * Sends signed deliveries the way Shopify does: a POST of the REST payload with X-Shopify-Topic,
 * X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the body with the app's client secret),
 * X-Shopify-Shop-Domain, X-Shopify-API-Version, X-Shopify-Webhook-Id (the same on every retry of
 * a delivery), X-Shopify-Event-Id and X-Shopify-Triggered-At (the time of the event, kept on
 * retries). A 2xx within the time limit is success; anything else is tried again on the retry
 * schedule, with the original body.
 *
 * @example
 * const dispatcher = new WebhookDispatcher(options);
 * dispatcher.subscribe({ topic: 'orders/create', address: 'http://127.0.0.1:3000/hooks/orders' });
 * dispatcher.emit('orders/create', { id: 1, name: '#1001' });
 * await dispatcher.idle();
 */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly subscriptions = new Map<number, WebhookSubscription>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<AbortController>();
  private pending = 0;
  private waiters: (() => void)[] = [];
  private nextId = 9_000_000_001;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  subscribe(input: { topic: string; address: string }): WebhookSubscription {
    const subscription = {
      id: this.nextId++,
      topic: input.topic,
      address: input.address,
      createdAt: this.options.now(),
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  unsubscribe(id: number): boolean {
    return this.subscriptions.delete(id);
  }

  list(): WebhookSubscription[] {
    return [...this.subscriptions.values()];
  }

  /** Queues one delivery per subscription to the topic; the body is built only when someone listens. */
  emit(topic: string, payload: unknown | (() => unknown)): void {
    const targets = [...this.subscriptions.values()].filter((subscription) => subscription.topic === topic);
    if (targets.length === 0) return;
    const body = JSON.stringify(typeof payload === 'function' ? payload() : payload);
    const eventId = randomUUID();
    const triggeredAt = isoTime(this.options.now());
    for (const subscription of targets) {
      const delivery: WebhookDelivery = {
        webhookId: randomUUID(),
        eventId,
        subscriptionId: subscription.id,
        topic,
        address: subscription.address,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Shopify-Captain-Hook',
          'x-shopify-topic': topic,
          'x-shopify-hmac-sha256': signShopifyWebhook(body, this.options.secret),
          'x-shopify-shop-domain': this.options.shopDomain,
          'x-shopify-api-version': this.options.apiVersion,
          'x-shopify-triggered-at': triggeredAt,
        },
        triggeredAt,
        attempts: [],
        state: 'pending',
      };
      delivery.headers['x-shopify-webhook-id'] = delivery.webhookId;
      delivery.headers['x-shopify-event-id'] = eventId;
      this.deliveries.push(delivery);
      this.pending += 1;
      this.schedule(delivery, 0);
    }
  }

  /** Resolves when every delivery has succeeded or run out of retries. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops every retry and try in flight; forgets subscriptions and deliveries. */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    this.subscriptions.clear();
    this.deliveries.length = 0;
    this.pending = 0;
    this.settle();
  }

  private schedule(delivery: WebhookDelivery, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(delivery: WebhookDelivery): Promise<void> {
    const started = Date.now();
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs);
    this.inFlight.add(controller);
    let status: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(delivery.address, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: controller.signal,
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (failure) {
      error = controller.signal.aborted ? `no answer within ${this.options.timeoutMs} ms` : String(failure);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (!this.deliveries.includes(delivery)) return;
    delivery.attempts.push({
      at: started,
      durationMs: Date.now() - started,
      ...(status !== undefined ? { status } : {}),
      ...(error !== undefined ? { error } : {}),
    });
    if (status !== undefined && status >= 200 && status < 300) {
      delivery.state = 'delivered';
      this.done();
      return;
    }
    const delay = this.options.retryDelaysMs[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      this.done();
      return;
    }
    this.schedule(delivery, delay);
  }

  private done(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) this.settle();
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
