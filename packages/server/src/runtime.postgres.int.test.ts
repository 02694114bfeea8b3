import { describeRecoverySuite, describeRuntimeSuite } from './testing/runtime-suite.js';

describeRuntimeSuite('postgres');
describeRecoverySuite('postgres');
