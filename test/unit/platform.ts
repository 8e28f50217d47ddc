// Loaded by mocha before every test file (.mocharc.json `require`): the tests run on Node, so the
// core gets Node's model reader and hasher, as the extension host and the CLI give it.
import { installNodePlatform } from '../../src/platform/node/install';

installNodePlatform();
