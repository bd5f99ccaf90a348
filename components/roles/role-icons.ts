/**
 * The icons a role can use, looked up by name ("life-buoy", "LifeBuoy" and "LifeBuoyIcon" all
 * match). A curated set rather than all of lucide-react, so the client bundle stays small; an
 * unknown name falls back to a neutral icon.
 */
import {
  BookOpenIcon,
  BotIcon,
  BrainIcon,
  BriefcaseIcon,
  CalculatorIcon,
  CalendarIcon,
  ChefHatIcon,
  ClipboardListIcon,
  CodeIcon,
  CompassIcon,
  DumbbellIcon,
  FeatherIcon,
  FlaskConicalIcon,
  GlobeIcon,
  GraduationCapIcon,
  HeadsetIcon,
  HeartPulseIcon,
  HomeIcon,
  KanbanIcon,
  LandmarkIcon,
  LanguagesIcon,
  LaptopIcon,
  LifeBuoyIcon,
  LightbulbIcon,
  MapIcon,
  MapPinIcon,
  MegaphoneIcon,
  MessageCircleIcon,
  MusicIcon,
  PaletteIcon,
  PenLineIcon,
  PiggyBankIcon,
  PlaneIcon,
  RocketIcon,
  ScaleIcon,
  ShieldCheckIcon,
  ShoppingCartIcon,
  SparklesIcon,
  StethoscopeIcon,
  TargetIcon,
  TerminalIcon,
  TrendingUpIcon,
  UsersIcon,
  WalletIcon,
  WrenchIcon,
  type LucideIcon,
} from "lucide-react";

export const ROLE_ICONS: Readonly<Record<string, LucideIcon>> = {
  "book-open": BookOpenIcon,
  bot: BotIcon,
  brain: BrainIcon,
  briefcase: BriefcaseIcon,
  calculator: CalculatorIcon,
  calendar: CalendarIcon,
  "chef-hat": ChefHatIcon,
  "clipboard-list": ClipboardListIcon,
  code: CodeIcon,
  compass: CompassIcon,
  dumbbell: DumbbellIcon,
  feather: FeatherIcon,
  "flask-conical": FlaskConicalIcon,
  globe: GlobeIcon,
  "graduation-cap": GraduationCapIcon,
  headset: HeadsetIcon,
  "heart-pulse": HeartPulseIcon,
  home: HomeIcon,
  kanban: KanbanIcon,
  landmark: LandmarkIcon,
  languages: LanguagesIcon,
  laptop: LaptopIcon,
  "life-buoy": LifeBuoyIcon,
  lightbulb: LightbulbIcon,
  map: MapIcon,
  "map-pin": MapPinIcon,
  megaphone: MegaphoneIcon,
  "message-circle": MessageCircleIcon,
  music: MusicIcon,
  palette: PaletteIcon,
  "pen-line": PenLineIcon,
  "piggy-bank": PiggyBankIcon,
  plane: PlaneIcon,
  rocket: RocketIcon,
  scale: ScaleIcon,
  "shield-check": ShieldCheckIcon,
  "shopping-cart": ShoppingCartIcon,
  sparkles: SparklesIcon,
  stethoscope: StethoscopeIcon,
  target: TargetIcon,
  terminal: TerminalIcon,
  "trending-up": TrendingUpIcon,
  users: UsersIcon,
  wallet: WalletIcon,
  wrench: WrenchIcon,
};

/** Names offered by the role builder's icon picker. */
export const ROLE_ICON_NAMES: readonly string[] = Object.keys(ROLE_ICONS);

export const FALLBACK_ROLE_ICON: LucideIcon = SparklesIcon;

function normalize(name: string): string {
  return name.replace(/Icon$/, "").replace(/[^a-zA-Z0-9]/g, "").toLowerCase();
}

const byNormalizedName = new Map(Object.entries(ROLE_ICONS).map(([name, icon]) => [normalize(name), icon]));

export function roleIconFor(name: string | undefined): LucideIcon {
  return (name && byNormalizedName.get(normalize(name))) || FALLBACK_ROLE_ICON;
}
