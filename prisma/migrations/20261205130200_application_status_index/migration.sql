-- Admission control (issue 18) counts the cases waiting for verification region-wide, about once
-- a second per API process: an index on the status alone keeps that count off the whole table.
CREATE INDEX "application_status_idx" ON "application"("status");
