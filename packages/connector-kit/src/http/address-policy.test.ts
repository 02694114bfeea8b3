import { describe, expect, it } from 'vitest';
import { classifyAddress, isIpAddress, isMetadataHostname } from './address-policy.js';

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.10.10', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::7f00:1', 'loopback'],
    ['64:ff9b::c0a8:101', 'private'],
    ['64:ff9b:1::1', 'rfc6052'],
    ['2002:a00:1::', 'private'],
    ['2001:db8::1', 'reserved'],
  ])('blocks %s as %s', (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ blocked: true, range });
  });

  it.each([
    '169.254.169.254',
    'fd00:ec2::254',
    '[fd00:ec2:0::254]',
    '::ffff:169.254.169.254',
    '100.100.100.200',
  ])('marks %s as a cloud metadata endpoint', (address) => {
    expect(classifyAddress(address)).toMatchObject({ blocked: true, metadata: true });
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34', '64:ff9b::808:808'])(
    'lets the public address %s pass',
    (address) => {
      expect(classifyAddress(address)).toMatchObject({ blocked: false, metadata: false });
    },
  );

  it('blocks text that is not an address', () => {
    expect(classifyAddress('not-an-ip')).toMatchObject({ blocked: true, range: 'invalid' });
  });

  it('describes an IPv4-mapped address by what it carries', () => {
    expect(classifyAddress('::ffff:7f00:1').description).toBe('an IPv6 form of a loopback address');
  });

  it('tells addresses from names and spots metadata host names', () => {
    expect(isIpAddress('[::1]')).toBe(true);
    expect(isIpAddress('10.0.0.1')).toBe(true);
    expect(isIpAddress('api.example.com')).toBe(false);
    expect(isMetadataHostname('Metadata.Google.Internal.')).toBe(true);
    expect(isMetadataHostname('metadata.example.com')).toBe(false);
  });
});
