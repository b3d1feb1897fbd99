-- How a run's configs reach the devices: the device shell over SSH, or NETCONF with a confirmed commit.
ALTER TABLE pipeline_run ADD COLUMN channel text NOT NULL DEFAULT 'shell' CHECK (channel IN ('shell', 'netconf'));
