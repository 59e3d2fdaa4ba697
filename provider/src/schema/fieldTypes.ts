/**
 * The TypeScript types of the tables' values, derived from the tables themselves: a field added
 * to an input table is an input of the function's type at once, with the type of its value.
 */
import type { FieldSpec, FieldType } from "./fields";

/** What a validated value of each field type is. */
export interface FieldValues {
  integer: number;
  string: string;
  boolean: boolean;
  stringList: string[];
}

export type ValueOf<T extends FieldType> = FieldValues[T];

/** A table's own fields, without the index signature that lets it be read as any table. */
export type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

type Defaulted<T> = { [K in keyof T]: T[K] extends { default: unknown } ? K : never }[keyof T];

type InputsOfDeclared<T extends Readonly<Record<string, FieldSpec>>> = {
  [K in Defaulted<T>]: ValueOf<T[K]["type"]>;
} & {
  [K in Exclude<keyof T, Defaulted<T>>]?: ValueOf<T[K]["type"]>;
};

/**
 * Validated inputs of a table: a field with a default is always there (validation fills it in),
 * any other is there when it was given.
 */
export type InputsOf<T extends Readonly<Record<string, FieldSpec>>> = InputsOfDeclared<Declared<T>>;
