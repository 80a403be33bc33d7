// An accessible autocomplete (WAI-ARIA 1.2 combobox with a listbox popup): type to get
// suggestions, ArrowUp/ArrowDown to move, Enter to choose, Escape to close (or clear).

import { clear, h } from "./dom";
import type { Suggestion } from "./model";
import { swatch } from "./palette";

export interface ComboboxOptions {
  input: HTMLInputElement;
  listbox: HTMLUListElement;
  fetch: (text: string, signal: AbortSignal) => Promise<Suggestion[]>;
  onChoose: (s: Suggestion) => void;
  minChars?: number;
  debounceMs?: number;
}

export class Combobox {
  private items: Suggestion[] = [];
  private active = -1;
  private timer = 0;
  private inflight: AbortController | null = null;
  /** The suggestion last chosen, cleared when the user edits the text. */
  chosen: Suggestion | null = null;

  constructor(private readonly o: ComboboxOptions) {
    const { input, listbox } = o;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.autocomplete = "off";
    input.spellcheck = false;
    listbox.setAttribute("role", "listbox");
    listbox.hidden = true;
    input.addEventListener("input", () => {
      this.chosen = null;
      this.schedule();
    });
    input.addEventListener("keydown", (ev) => this.onKey(ev));
    input.addEventListener("blur", () => window.setTimeout(() => this.close(), 150));
    input.addEventListener("focus", () => {
      if (this.items.length > 0 && this.chosen === null) this.open();
    });
  }

  /** Set the field to a known choice without searching (path finder pre-fill). */
  set(s: Suggestion): void {
    this.chosen = s;
    this.o.input.value = s.label;
    this.close();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    const text = this.o.input.value.trim();
    if (text.length < (this.o.minChars ?? 1)) {
      this.inflight?.abort();
      this.items = [];
      this.close();
      return;
    }
    this.timer = window.setTimeout(() => void this.load(text), this.o.debounceMs ?? 120);
  }

  private async load(text: string): Promise<void> {
    this.inflight?.abort();
    const ctl = new AbortController();
    this.inflight = ctl;
    try {
      const items = await this.o.fetch(text, ctl.signal);
      if (ctl.signal.aborted || this.o.input.value.trim() !== text) return;
      this.items = items;
      this.render();
    } catch (err) {
      if (!ctl.signal.aborted) {
        this.items = [];
        this.render(err instanceof Error ? err.message : String(err));
      }
    }
  }

  private render(error?: string): void {
    const { listbox, input } = this.o;
    clear(listbox);
    this.active = this.items.length > 0 ? 0 : -1;
    if (this.items.length === 0) {
      listbox.append(h("li", { class: "empty", role: "option", "aria-disabled": "true" }, error ?? "No match"));
    }
    this.items.forEach((s, i) => {
      const li = h(
        "li",
        { id: `${listbox.id}-${i}`, role: "option", "data-id": s.id, "aria-selected": "false" },
        swatch(s.type),
        h("span", { class: "opt-label" }, s.label),
        h("span", { class: "opt-detail" }, s.detail),
      );
      li.addEventListener("mousedown", (ev) => {
        ev.preventDefault(); // keep focus in the input
        this.choose(i);
      });
      listbox.append(li);
    });
    this.highlight();
    if (document.activeElement === input) this.open();
  }

  private highlight(): void {
    const { listbox, input } = this.o;
    Array.from(listbox.children).forEach((li, i) => {
      li.setAttribute("aria-selected", i === this.active ? "true" : "false");
      li.classList.toggle("active", i === this.active);
    });
    if (this.active >= 0) {
      input.setAttribute("aria-activedescendant", `${listbox.id}-${this.active}`);
      listbox.children[this.active]?.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  private open(): void {
    this.o.listbox.hidden = false;
    this.o.input.setAttribute("aria-expanded", "true");
  }

  close(): void {
    this.o.listbox.hidden = true;
    this.o.input.setAttribute("aria-expanded", "false");
    this.o.input.removeAttribute("aria-activedescendant");
  }

  private get isOpen(): boolean {
    return !this.o.listbox.hidden;
  }

  private choose(i: number): void {
    const s = this.items[i];
    if (s === undefined) return;
    this.set(s);
    this.o.onChoose(s);
  }

  private onKey(ev: KeyboardEvent): void {
    const n = this.items.length;
    switch (ev.key) {
      case "ArrowDown":
        ev.preventDefault();
        if (!this.isOpen && n > 0) this.open();
        else if (n > 0) this.active = (this.active + 1) % n;
        this.highlight();
        break;
      case "ArrowUp":
        ev.preventDefault();
        if (n > 0) this.active = (this.active - 1 + n) % n;
        this.highlight();
        break;
      case "Enter":
        if (this.isOpen && this.active >= 0) {
          ev.preventDefault();
          this.choose(this.active);
        } else if (this.chosen !== null) {
          ev.preventDefault();
          this.o.onChoose(this.chosen);
        }
        break;
      case "Escape":
        if (this.isOpen) {
          ev.preventDefault();
          ev.stopPropagation();
          this.close();
        } else if (this.o.input.value !== "") {
          ev.preventDefault();
          ev.stopPropagation();
          this.o.input.value = "";
          this.chosen = null;
          this.items = [];
        }
        break;
      default:
    }
  }
}
