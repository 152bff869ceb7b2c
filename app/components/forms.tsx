/**
 * Form fields with their label, hint and French error messages wired for assistive technologies
 * (aria-invalid, aria-describedby). Built on conform's field metadata.
 */
import { getInputProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import type { z, ZodType } from "zod";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="error-list">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** Errors that concern the whole form (e.g. wrong credentials), announced as they appear. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-error" role="alert">
      <ErrorList errors={errors} />
    </div>
  );
}

type TextType = "text" | "email" | "password" | "date" | "search";

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  type?: TextType;
  autoComplete?: string;
}) {
  const describedBy = hint ? meta.descriptionId : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={meta.descriptionId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input {...getInputProps(meta, { type, ariaDescribedBy: describedBy })} autoComplete={autoComplete} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A group of radio buttons in a fieldset whose legend is the question. */
export function RadioGroup<Value extends string>({
  meta,
  legend,
  options,
}: {
  meta: FieldMetadata<Value | undefined>;
  legend: ReactNode;
  options: Array<{ value: Value; label: ReactNode; hint?: ReactNode }>;
}) {
  const invalid = Boolean(meta.errors?.length);
  return (
    <div className="field">
      <fieldset aria-describedby={invalid ? meta.errorId : undefined}>
        <legend>{legend}</legend>
        {options.map((option) => {
          const id = `${meta.id}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input type="radio" id={id} name={meta.name} value={option.value} defaultChecked={meta.initialValue === option.value} />
              <label htmlFor={id}>
                {option.label}
                {option.hint ? <small>{option.hint}</small> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/**
 * conform + zod as every form of the platform sets them up: the schema gives the browser its
 * constraints and its check, run first on submit (validating on blur makes messages appear under
 * the field being left, which moves the submit button away from under the pointer as it is
 * clicked), then as `shouldRevalidate` says (conform's default: on submit again).
 */
export function useZodForm<Schema extends ZodType<Record<string, unknown>>>(
  schema: Schema,
  options: {
    id: string;
    lastResult?: SubmissionResult<string[]> | null;
    defaultValue?: DefaultValue<z.input<Schema> & Record<string, unknown>>;
    shouldRevalidate?: "onSubmit" | "onInput" | "onBlur";
  },
) {
  return useForm<z.input<Schema> & Record<string, unknown>, z.output<Schema>>({
    ...options,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
