import { describeConnectorContract } from '@waybill/connector-kit/testing';
import { httpConnector } from './connector.js';

describeConnectorContract(httpConnector);
