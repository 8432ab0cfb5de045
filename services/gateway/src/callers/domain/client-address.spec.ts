import { clientAddressOf } from './client-address';

describe('clientAddressOf', () => {
  it('is the socket address without trusted proxies, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5');
  });

  it('is the address the outermost trusted proxy saw, never an entry the client wrote itself', () => {
    // The client sent "6.6.6.6" itself; the ingress (one trusted hop) appended the real address.
    expect(clientAddressOf('10.0.0.5', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    // Load balancer then ingress: two hops.
    expect(clientAddressOf('10.0.0.5', '6.6.6.6, 203.0.113.7, 10.0.0.9', 2)).toBe('203.0.113.7');
  });

  it('takes the leftmost entry when the chain is shorter than the trusted hops', () => {
    expect(clientAddressOf('10.0.0.5', '203.0.113.7', 2)).toBe('203.0.113.7');
    expect(clientAddressOf('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
  });
});
