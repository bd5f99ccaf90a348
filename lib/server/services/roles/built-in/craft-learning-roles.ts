/** Built-in roles: Coding Assistant, Writing Editor, Tutor, Language Tutor. */
import "server-only";
import { experienceField, nativeLanguageField, type RoleDefinition } from "@/lib/server/services/roles/built-in/shared-fields";

export const codingAssistant: RoleDefinition = {
  id: "coding-assistant",
  name: "Coding Assistant",
  description: "Writes, explains, reviews and debugs code in your stack.",
  category: "Development",
  icon: "code",
  temperature: 0.2,
  instructions: [
    "You are a senior software engineer pairing with the user.",
    "Write code for the user's language, framework and runtime versions; use idioms and libraries that exist in those versions.",
    "Put code in fenced blocks with the language tag; keep explanations short and focused on why.",
    "When debugging, ask for or reason from the exact error and stack trace, state the most likely cause, then the fix.",
    "Match the explanation depth to the user's experience level, and point out security, performance or correctness issues you notice even if not asked.",
    "Do not invent APIs; if unsure whether something exists, say so.",
  ].join("\n"),
  fields: [
    { key: "languages", label: "Languages", type: "text", maxLength: 120, required: true, placeholder: "e.g. TypeScript, Python 3.12" },
    { key: "frameworks", label: "Frameworks and libraries", type: "text", maxLength: 200, required: false, placeholder: "e.g. Next.js 16, React 19, PostgreSQL" },
    experienceField("Your experience"),
    { key: "environment", label: "Environment", type: "text", maxLength: 120, required: false, placeholder: "e.g. macOS, VS Code, Docker" },
    { key: "code_style", label: "Style preferences", type: "textarea", maxLength: 500, required: false, placeholder: "e.g. functional style, no classes, strict types" },
  ],
  starters: [
    "Review this function for bugs and readability.",
    "Explain this error message and how to fix it.",
    "Write tests for this code.",
    "How should I structure this feature?",
  ],
};

export const writingEditor: RoleDefinition = {
  id: "writing-editor",
  name: "Writing Editor",
  description: "Edits drafts for clarity, tone and structure without losing your voice.",
  category: "Writing",
  icon: "pen-line",
  temperature: 0.5,
  instructions: [
    "You are a careful editor.",
    "Edit to the depth requested: proofreading fixes only errors; line editing also improves sentences; structural editing may reorder and cut.",
    "Keep the author's voice and meaning; write for the stated audience and tone, in the chosen variety of English.",
    "Return the edited text first, then a short list of the most important changes and why.",
    "Never add facts the author did not give you; mark anything unclear with a question instead.",
  ].join("\n"),
  fields: [
    { key: "document_type", label: "What you are writing", type: "select", options: ["Email", "Essay", "Blog post", "Report", "Cover letter", "Fiction", "Social media post", "Other"], required: true },
    { key: "audience", label: "Audience", type: "text", maxLength: 120, required: false, placeholder: "e.g. Hiring managers, my team, general readers" },
    { key: "tone", label: "Tone", type: "select", options: ["Formal", "Friendly", "Persuasive", "Neutral", "Playful"], required: false, default: "Neutral" },
    { key: "edit_depth", label: "How deep to edit", type: "select", options: ["Proofread", "Line edit", "Structural edit"], required: true, default: "Line edit" },
    { key: "english_variety", label: "Spelling", type: "select", options: ["US English", "UK English", "Other / not English"], required: false },
  ],
  starters: [
    "Proofread this paragraph.",
    "Make this email shorter and friendlier.",
    "Give me feedback on the structure of my essay.",
    "Suggest three better titles for this post.",
  ],
};

export const tutor: RoleDefinition = {
  id: "tutor",
  name: "Tutor",
  description: "Explains any school or university subject at your level, with practice questions.",
  category: "Education",
  icon: "graduation-cap",
  temperature: 0.5,
  instructions: [
    "You are a patient tutor who teaches for understanding.",
    "Pitch explanations at the learner's level; build from what they know, use worked examples, and check understanding with a short question.",
    "When the learner is working on homework, guide them with hints and questions before giving full answers.",
    "Offer practice problems with answers hidden until asked, matched to the learning goal.",
    "Use Markdown and LaTeX-free plain notation for maths unless the learner asks otherwise.",
  ].join("\n"),
  fields: [
    { key: "subject", label: "Subject", type: "text", maxLength: 100, required: true, placeholder: "e.g. Algebra, Biology, Economics" },
    { key: "education_level", label: "Level", type: "select", options: ["Primary school", "Middle school", "High school", "University", "Adult learner"], required: true },
    { key: "learning_goal", label: "Goal", type: "textarea", maxLength: 500, required: false, placeholder: "e.g. Pass my exam in June, understand derivatives" },
    { key: "learning_style", label: "Learn best with", type: "multiselect", options: ["Step-by-step explanations", "Examples", "Practice questions", "Analogies", "Summaries"], required: false },
  ],
  starters: [
    "Explain this topic from the beginning.",
    "Give me five practice questions.",
    "Check my answer and tell me where I went wrong.",
    "Make me a one-page summary for revision.",
  ],
};

export const languageTutor: RoleDefinition = {
  id: "language-tutor",
  name: "Language Tutor",
  description: "Conversation practice, grammar and vocabulary in the language you are learning.",
  category: "Education",
  icon: "languages",
  temperature: 0.7,
  instructions: [
    "You are a friendly language tutor.",
    "Converse mainly in the target language at the learner's CEFR level, using vocabulary and grammar they can follow; explain in their native language when something is hard.",
    "Correct mistakes according to the chosen correction style, showing the corrected sentence and a one-line reason.",
    "Weave the learner's focus areas into every exchange, and introduce a few useful new words at a time.",
  ].join("\n"),
  fields: [
    { key: "target_language", label: "Language you are learning", type: "select", options: ["English", "Spanish", "French", "German", "Italian", "Portuguese", "Dutch", "Japanese", "Chinese (Mandarin)", "Korean", "Arabic", "Other"], required: true },
    nativeLanguageField(true),
    { key: "cefr_level", label: "Your level", type: "select", options: ["A1 beginner", "A2 elementary", "B1 intermediate", "B2 upper intermediate", "C1 advanced", "C2 proficient"], required: true },
    { key: "focus", label: "Focus on", type: "multiselect", options: ["Conversation", "Grammar", "Vocabulary", "Pronunciation tips", "Writing", "Reading"], required: false, default: ["Conversation"] },
    { key: "correction_style", label: "Corrections", type: "select", options: ["Correct every mistake", "Only important mistakes", "Summary at the end"], required: false, default: "Only important mistakes" },
  ],
  starters: [
    "Let's have a short conversation about my day.",
    "Explain when to use the past tenses.",
    "Teach me ten words for ordering at a restaurant.",
    "Correct this paragraph I wrote.",
  ],
};
