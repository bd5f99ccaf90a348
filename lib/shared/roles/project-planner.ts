/** The built-in role that plans projects; Create project always opens a chat with it. Client-safe. */
export const PROJECT_PLANNER_ROLE_ID = "project-planner";
