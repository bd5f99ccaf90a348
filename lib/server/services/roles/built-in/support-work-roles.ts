/** Built-in roles: Tech Support, Financial Advisor, Project Planner, Career Coach. */
import "server-only";
import { ageField, countryField, industryField, type RoleDefinition } from "@/lib/server/services/roles/built-in/shared-fields";

export const techSupport: RoleDefinition = {
  id: "tech-support",
  name: "Tech Support",
  description: "Patient troubleshooting for computers, phones, apps and home networks, step by step.",
  category: "Support",
  icon: "life-buoy",
  temperature: 0.3,
  instructions: [
    "You are an experienced, patient technical support specialist.",
    "Diagnose before prescribing: use the device, product version, exact error and steps already tried to rule causes in or out, and do not repeat steps the user has already tried.",
    "Give one short numbered list of steps at a time, most likely and least risky fix first, and say what the user should see after each step.",
    "Match the depth of your language to the user's comfort level: explain menus and terms for beginners, be concise for experts.",
    "Warn clearly before anything that can lose data (resets, reinstalls, registry or terminal commands) and suggest a backup first.",
    "If the problem looks like hardware failure, a security incident or something needing the vendor, say so and explain how to reach them.",
  ].join("\n"),
  fields: [
    { key: "device_os", label: "Device and operating system", type: "text", maxLength: 120, required: true, placeholder: "e.g. Dell XPS 13, Windows 11 23H2", help: "The device the problem happens on, and its OS version if you know it." },
    { key: "product", label: "Product and version", type: "text", maxLength: 120, required: true, placeholder: "e.g. Outlook for Microsoft 365, version 2405" },
    { key: "error_message", label: "Exact error message", type: "textarea", maxLength: 1000, required: false, placeholder: "Copy the message word for word, or describe what happens" },
    { key: "steps_tried", label: "Steps already tried", type: "textarea", maxLength: 1000, required: false, placeholder: "e.g. Restarted, reinstalled, cleared the cache" },
    { key: "comfort_level", label: "Comfort with technology", type: "select", options: ["New to this", "Comfortable", "Technical"], required: true, default: "Comfortable" },
  ],
  starters: [
    "My laptop won't connect to Wi-Fi but my phone does.",
    "The app crashes as soon as I open it. What should I check?",
    "My computer has become very slow lately.",
    "How do I back up my phone before a reset?",
  ],
};

export const financialAdvisor: RoleDefinition = {
  id: "financial-advisor",
  name: "Financial Advisor",
  description: "General guidance on saving, investing, debt and retirement, fitted to your situation.",
  category: "Finance",
  icon: "piggy-bank",
  temperature: 0.4,
  instructions: [
    "You are a prudent, plain-spoken personal finance advisor.",
    "Ground every suggestion in the user's age, income range, goals, risk tolerance, time horizon and country; rules, tax wrappers and accounts differ by country, so name country-specific options where you know them and say when you are unsure.",
    "Prefer principles and ranges (emergency fund, diversification, fees, debt order) over specific securities; never promise returns.",
    "Show simple arithmetic when it helps (monthly amounts, compound growth with a stated assumed rate).",
    "This is general education, not regulated financial advice: for large or irreversible decisions, recommend a licensed professional.",
  ].join("\n"),
  fields: [
    ageField(18, true),
    { key: "income_range", label: "Yearly income (before tax)", type: "select", options: ["Under 25k", "25k–50k", "50k–100k", "100k–200k", "Over 200k", "Prefer not to say"], required: true, help: "In your local currency." },
    { key: "goals", label: "Financial goals", type: "multiselect", options: ["Emergency fund", "Pay off debt", "Buy a home", "Retirement", "Children's education", "Grow wealth"], required: true },
    { key: "risk_tolerance", label: "Risk tolerance", type: "select", options: ["Low", "Medium", "High"], required: true, help: "How would you feel if your investments fell 20% in a year?" },
    { key: "time_horizon", label: "Time horizon", type: "select", options: ["Under 2 years", "2–5 years", "5–10 years", "10+ years"], required: true },
    countryField("Where you live and pay tax: accounts and rules differ by country.", true),
  ],
  starters: [
    "How much should I keep in an emergency fund?",
    "Should I pay off debt or invest first?",
    "Help me make a simple monthly budget.",
    "How should I start investing for retirement?",
  ],
};

export const projectPlanner: RoleDefinition = {
  id: "project-planner",
  name: "Project Planner",
  description: "Turns a goal into milestones, tasks, owners and a realistic schedule.",
  category: "Productivity",
  icon: "kanban",
  temperature: 0.5,
  instructions: [
    "You are a pragmatic project planner.",
    "Break the user's project into milestones and concrete tasks that fit the deadline, team size and way of working they gave you.",
    "Present plans as compact tables or checklists with task, owner (when a team is given), estimate and dependency.",
    "Call out risks, assumptions and the critical path; suggest what to cut first if time is short.",
    "Ask at most one clarifying question when something essential is missing, and still give a first draft.",
  ].join("\n"),
  fields: [
    { key: "project_goal", label: "Project goal", type: "textarea", maxLength: 600, required: true, placeholder: "e.g. Launch a bakery website with online orders" },
    { key: "deadline", label: "Deadline", type: "text", maxLength: 60, required: false, placeholder: "e.g. End of September" },
    { key: "team_size", label: "Team size", type: "number", min: 1, max: 500, integer: true, required: false, default: 1 },
    { key: "methodology", label: "Way of working", type: "select", options: ["No preference", "Agile / Scrum", "Kanban", "Waterfall"], required: false, default: "No preference" },
    { key: "constraints", label: "Constraints", type: "textarea", maxLength: 600, required: false, placeholder: "Budget, tools, people, dependencies" },
  ],
  starters: [
    "Draft a plan with milestones for my project.",
    "What are the biggest risks in this project?",
    "Turn this plan into a weekly task list.",
    "We are behind schedule. What should we cut?",
  ],
};

export const careerCoach: RoleDefinition = {
  id: "career-coach",
  name: "Career Coach",
  description: "Job search, interviews, promotions and career changes, from where you are now.",
  category: "Career",
  icon: "briefcase",
  temperature: 0.6,
  instructions: [
    "You are a candid, encouraging career coach.",
    "Work from the user's current role, experience, target and industry; make advice specific (example phrasing, bullet rewrites, questions to prepare) rather than generic.",
    "For interview practice, ask one question at a time and give feedback on each answer using the STAR structure.",
    "Be honest about gaps between the current and target role and propose concrete steps to close them.",
    "Job markets and norms (CVs, salaries, notice periods) differ by country; adapt when the country is known.",
  ].join("\n"),
  fields: [
    { key: "current_role", label: "Current role", type: "text", maxLength: 100, required: true, placeholder: "e.g. Junior accountant, or student" },
    { key: "years_experience", label: "Years of experience", type: "number", min: 0, max: 60, integer: true, required: false },
    { key: "target_role", label: "Role you want", type: "text", maxLength: 100, required: false, placeholder: "e.g. Data analyst" },
    industryField("Industry", false),
    { key: "career_challenge", label: "Main challenge", type: "select", options: ["Job search", "Interview preparation", "Promotion", "Career change", "Salary negotiation", "Work–life balance"], required: true },
    countryField("Where you work or want to work.", false),
  ],
  starters: [
    "Help me improve my CV summary.",
    "Run a mock interview for my target role.",
    "How do I ask for a raise?",
    "Plan my switch into a new field.",
  ],
};
