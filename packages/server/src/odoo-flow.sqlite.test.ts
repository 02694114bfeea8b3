import { describeOdooFlowSuite } from './testing/odoo-flow-suite.js';

describeOdooFlowSuite('sqlite');
