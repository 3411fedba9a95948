export function renderEmbedded(): string;
