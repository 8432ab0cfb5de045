import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from 'kafkajs';
import { classifySendFailure } from './outbox-relay';

/** A broker's error as kafkajs builds it from an error code (protocol/error.js). */
function protocolError(type: string, retriable: boolean): KafkaJSProtocolError {
  return new KafkaJSProtocolError({ type, code: 0, retriable, message: `broker says ${type}` } as unknown as Error);
}

/** What kafkajs' retrier throws for an error it does not retry: the error wrapped, and as its cause. */
function notRetried(error: Error): KafkaJSNonRetriableError {
  return Object.assign(new KafkaJSNonRetriableError(error), { cause: error });
}

/** What kafkajs throws when it gives up retrying a retriable error. */
function gaveUpOn(error: Error): KafkaJSNumberOfRetriesExceeded {
  return new KafkaJSNumberOfRetriesExceeded(error, { retryCount: 5, retryTime: 1000 });
}

describe('what a failed send says about the message', () => {
  it.each(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'TOPIC_AUTHORIZATION_FAILED', 'INVALID_TOPIC_EXCEPTION'])(
    'the broker refusing it for good (%s) counts as a try',
    (type) => {
      expect(classifySendFailure(protocolError(type, false))).toEqual({ kind: 'refused', reason: `${type}: broker says ${type}` });
      expect(classifySendFailure(notRetried(protocolError(type, false)))).toMatchObject({ kind: 'refused' });
    },
  );

  it('the client failing to encode it counts as a try', () => {
    expect(classifySendFailure(notRetried(new TypeError('value must be a Buffer')))).toEqual({ kind: 'refused', reason: 'TypeError: value must be a Buffer' });
  });

  it('an unknown topic needs a look at the topic first', () => {
    expect(classifySendFailure(gaveUpOn(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true)))).toEqual({ kind: 'unknown-topic' });
  });

  it.each([
    ['the broker away', gaveUpOn(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:19092'))],
    ['a timeout', new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out')],
    ['a leader change', gaveUpOn(protocolError('NOT_LEADER_OR_FOLLOWER', true))],
    ['too few in-sync replicas', gaveUpOn(protocolError('NOT_ENOUGH_REPLICAS', true))],
    ['anything else', new Error('something odd')],
  ])('%s does not count as a try', (_, error) => {
    expect(classifySendFailure(error)).toEqual({ kind: 'passing' });
  });
});
