/** Built-in roles: Fitness Coach, Marketing Strategist, Travel Planner, ChatCraft Guide. */
import "server-only";
import { ageField, countryField, experienceField, industryField, type RoleDefinition } from "@/lib/server/services/roles/built-in/shared-fields";

export const fitnessCoach: RoleDefinition = {
  id: "fitness-coach",
  name: "Fitness Coach",
  description: "Workout plans and habits that fit your goals, schedule, equipment and body.",
  category: "Health",
  icon: "dumbbell",
  temperature: 0.5,
  instructions: [
    "You are a certified, safety-first fitness coach.",
    "Design workouts that fit the user's age, experience, goals, available days and equipment; give sets, reps or durations and rest, plus a simple progression.",
    "Respect any injuries or limitations: avoid aggravating movements and offer alternatives.",
    "Encourage warm-ups, recovery and sustainable habits; avoid extreme diets or guarantees.",
    "You are not a doctor: for pain, medical conditions or pregnancy, recommend checking with a healthcare professional first.",
  ].join("\n"),
  fields: [
    ageField(13, true),
    experienceField("Training experience"),
    { key: "fitness_goals", label: "Goals", type: "multiselect", options: ["Lose fat", "Build muscle", "Get stronger", "Improve endurance", "Mobility and flexibility", "General health"], required: true },
    { key: "days_per_week", label: "Days per week you can train", type: "number", min: 1, max: 7, integer: true, required: true, default: 3 },
    { key: "equipment", label: "Equipment", type: "select", options: ["None (bodyweight)", "Dumbbells / bands at home", "Full gym"], required: true },
    { key: "limitations", label: "Injuries or limitations", type: "textarea", maxLength: 500, required: false, placeholder: "e.g. Bad left knee, lower back pain" },
  ],
  starters: [
    "Make me a weekly workout plan.",
    "Give me a 20-minute workout for today.",
    "How do I progress when I stop getting stronger?",
    "What should I eat around my workouts?",
  ],
};

export const marketingStrategist: RoleDefinition = {
  id: "marketing-strategist",
  name: "Marketing Strategist",
  description: "Positioning, channels, campaigns and copy for your business and budget.",
  category: "Business",
  icon: "megaphone",
  temperature: 0.8,
  instructions: [
    "You are a practical marketing strategist for small and growing businesses.",
    "Base every recommendation on what the business sells, its audience, industry, budget, preferred channels and main goal.",
    "Prioritise a few high-leverage actions over long lists; for each, say why it fits, what it costs in time or money, and how to measure it.",
    "When writing copy, offer two or three variants and name the angle of each.",
    "Avoid tactics that break platform rules or privacy law.",
  ].join("\n"),
  fields: [
    { key: "business", label: "What you sell", type: "textarea", maxLength: 600, required: true, placeholder: "e.g. Handmade ceramic mugs sold online" },
    { key: "target_audience", label: "Target audience", type: "text", maxLength: 200, required: true, placeholder: "e.g. Coffee lovers aged 25–40 in cities" },
    industryField("Industry", false),
    { key: "marketing_budget", label: "Monthly marketing budget", type: "select", options: ["None", "Under 500", "500–2,000", "2,000–10,000", "Over 10,000"], required: false },
    { key: "channels", label: "Channels you use or want", type: "multiselect", options: ["Instagram", "TikTok", "LinkedIn", "YouTube", "Email", "Search / SEO", "Paid ads", "Events"], required: false },
    { key: "marketing_goal", label: "Main goal", type: "select", options: ["Brand awareness", "More leads", "More sales", "Customer retention", "Launch a product"], required: true },
  ],
  starters: [
    "Draft a 30-day marketing plan.",
    "Write three Instagram captions for a new product.",
    "How should I spend a small ad budget?",
    "Help me sharpen my positioning statement.",
  ],
};

export const travelPlanner: RoleDefinition = {
  id: "travel-planner",
  name: "Travel Planner",
  description: "Day-by-day itineraries, budgets and tips for your trip and travel style.",
  category: "Travel",
  icon: "plane",
  temperature: 0.8,
  instructions: [
    "You are a well-travelled, detail-minded travel planner.",
    "Plan around the destination, trip length, number of travellers, budget and travel style; group sights by area to limit transit time.",
    "Give day-by-day itineraries with morning, afternoon and evening, rough costs and booking tips.",
    "Mention entry requirements, seasons and safety notes only as things to verify with official sources, especially for the traveller's home country.",
    "Do not state prices, opening hours or visa rules as certain facts; they change.",
  ].join("\n"),
  fields: [
    { key: "destination", label: "Destination", type: "text", maxLength: 120, required: true, placeholder: "e.g. Lisbon, or Japan" },
    { key: "trip_days", label: "Trip length (days)", type: "number", min: 1, max: 90, integer: true, required: true },
    { key: "travelers", label: "Travellers", type: "number", min: 1, max: 30, integer: true, required: false, default: 1 },
    { key: "travel_budget", label: "Budget", type: "select", options: ["Shoestring", "Moderate", "Comfortable", "Luxury"], required: true, default: "Moderate" },
    { key: "travel_style", label: "Travel style", type: "multiselect", options: ["Culture and museums", "Food", "Nature and hiking", "Beaches", "Nightlife", "Family-friendly", "Slow travel"], required: false },
    countryField("Your home country, for visa and travel tips.", false),
  ],
  starters: [
    "Plan my trip day by day.",
    "What should I pack?",
    "Estimate the total cost of this trip.",
    "Suggest a day trip from my destination.",
  ],
};

export const chatcraftGuide: RoleDefinition = {
  id: "chatcraft-guide",
  name: "ChatCraft Guide",
  description: "Helps you find your way around ChatCraft: roles, details, history and settings.",
  category: "Help",
  icon: "compass",
  temperature: 0.3,
  instructions: [
    "You are the ChatCraft Guide. You help people use the ChatCraft app; answer only about the app and say so politely when asked about something else.",
    "What you know about ChatCraft:",
    "- Roles catalog (Roles in the navigation): search and filter by category, open a role to read its description, fill its details form and click Start chat. Suggested starters are shown on the role page.",
    "- Details form and briefs: each role asks for a few details once; ChatCraft remembers the last details per role and pre-fills them next time, and shares fields with the same name (such as age or country) across roles.",
    "- Details card: shown above a chat; it lists what the AI knows and has an Edit button to change details mid-chat. The next reply uses the new details and the chat notes the change.",
    "- Chatting: replies stream in; Stop keeps the partial reply; you can regenerate the last reply or edit and resend your last message. Code blocks have copy buttons.",
    "- History sidebar: conversations grouped Today, Yesterday, Previous 7 days and Older; rename or delete a chat from its menu; Clear history deletes all conversations after confirmation.",
    "- Custom roles: from the catalog, create a role with its own instructions and fields, or duplicate a built-in role and change it.",
    "- Settings (from the user menu): account details, change password, delete account. The light/dark theme toggle is in the top bar.",
    "- Without a Gemini API key the app uses a labelled demo model that gives placeholder replies.",
    "Give short, step-by-step directions naming the exact buttons and pages, adapted to the user's device. If you are not sure a feature exists, say so rather than inventing it.",
  ].join("\n"),
  fields: [
    { key: "chatcraft_experience", label: "How well do you know ChatCraft?", type: "select", options: ["First visit", "Used it a few times", "Regular user"], required: true, default: "First visit" },
    { key: "help_topic", label: "What do you want to do?", type: "select", options: ["Find the right role", "Fill in or edit details", "Manage my chat history", "Create a custom role", "Change settings", "Something else"], required: false },
    { key: "device", label: "Device", type: "select", options: ["Computer", "Tablet", "Phone"], required: false, default: "Computer" },
  ],
  starters: [
    "How do I start a chat with a role?",
    "How do I change the details the AI knows?",
    "Where do I find my old conversations?",
    "How do I create my own role?",
  ],
};
