import { describeRecoverySuite, describeRuntimeSuite } from './testing/runtime-suite.js';

describeRuntimeSuite('sqlite');
describeRecoverySuite('sqlite');
