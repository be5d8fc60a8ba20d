// Integration tests wait on real servers and durable timers; their own deadlines (eventually)
// fail them long before this does.
jest.setTimeout(120_000);
