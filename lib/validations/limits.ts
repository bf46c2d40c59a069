// Plain constants shared with client components, kept apart from the schemas so that
// importing one does not bring zod into the browser bundle.
export const TITLE_MAX_LENGTH = 300;
