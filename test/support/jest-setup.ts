import { setTestDeadline } from './eventually';
import { deadlineIn, scaled, TEST_CAP_MS, TEST_MARGIN_MS } from './time-scale';

// Integration tests wait on real servers and durable timers. Each wait has a deadline of its own,
// and all of a test's waits end before its Jest cap does, so a slow wait names its condition
// instead of Jest reporting a bare time-out. A test with a cap of its own sets its own deadline.
jest.setTimeout(scaled(TEST_CAP_MS));
beforeEach(() => setTestDeadline(deadlineIn(TEST_CAP_MS - TEST_MARGIN_MS)));
afterEach(() => setTestDeadline(undefined));
