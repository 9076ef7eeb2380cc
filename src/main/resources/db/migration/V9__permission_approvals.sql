-- What a manager approved (manager_approved) and what an administrator cleared (security_cleared) on a permission
-- request, as the request said it then: to whom, which role, which scopes. permissions_configured and
-- changes_applied grant exactly this, and refuse when the request no longer says the same.
ALTER TABLE card ADD COLUMN approved_requester_id BIGINT REFERENCES staff_member (id);
ALTER TABLE card ADD COLUMN approved_role VARCHAR(20);
ALTER TABLE card ADD COLUMN approved_scopes VARCHAR(500);
ALTER TABLE card ADD COLUMN cleared_requester_id BIGINT REFERENCES staff_member (id);
ALTER TABLE card ADD COLUMN cleared_role VARCHAR(20);
ALTER TABLE card ADD COLUMN cleared_scopes VARCHAR(500);

-- Requests approved (and cleared) before these columns existed keep what they say now as what was approved: the
-- only record there is. From here on the request's grant fields cannot change after it is sent for review.
UPDATE card SET approved_requester_id = requester_id, approved_role = requested_role, approved_scopes = requested_scopes
 WHERE workflow_id = 'WF-PERM-MGT' AND state NOT IN ('request_received', 'manager_review');
UPDATE card SET cleared_requester_id = requester_id, cleared_role = requested_role, cleared_scopes = requested_scopes
 WHERE workflow_id = 'WF-PERM-MGT' AND state NOT IN ('request_received', 'manager_review', 'security_verification');
