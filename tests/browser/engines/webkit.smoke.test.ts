// The WebKit engine's primitives, each proved in WebKitGTK against a local page (engine-self-test.ts).
import { engineSelfTest } from './engine-self-test';
import { launch, webkitProblem } from './webkit';

engineSelfTest('webkit', launch, webkitProblem());
