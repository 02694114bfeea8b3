import { describeEdiFlowSuite } from './testing/edi-flow-suite.js';

describeEdiFlowSuite('sqlite');
