package fetch

import "net/netip"

// WithPolicy sets f's address policy, for tests whose servers are on
// loopback, and returns f. Outside this package's tests the policy is
// always Public.
func WithPolicy(f *Fetcher, policy func(netip.Addr) error) *Fetcher {
	f.policy = policy
	return f
}
