// The app's icons, lucide's drawings (generated into icon-paths.ts by scripts/generate-icons.mjs),
// drawn by <Icon>: `<Icon icon={icons.inbox} />`. Server components use this namespace; a client
// component imports the few it needs by name from "./icon-paths", so only those reach the browser.
export * as icons from "./icon-paths";
