import { languageName } from "~/utils/languages";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Choices, Section, Select, TextArea } from "~/components/form";
import { countryOptions } from "../../server/core/countries";
import { many, one } from "~/utils/form-data";
import { stakeholderName } from "~/i18n/stored-names";
import { UserText } from "~/components/UserText";

export type RegistrationFormSpec = {
  categories: { key: string; label: string }[];
  questions: { id: string; kind: string; label: string; required: boolean; options: string[] }[];
  languages: string[];
  /** Under the Chatham House rule a quote carries a stakeholder group; otherwise a name and organisation. */
  chathamHouse?: boolean;
};

/**
 * The registration form: built-in fields, then the organisers' own questions.
 * `identity` adds name and email for visitors who are not signed in.
 */
export function RegistrationForm({
  spec,
  identity,
  values,
  errors,
  message,
  intent,
  submitLabel,
  action,
}: {
  spec: RegistrationFormSpec;
  identity: boolean;
  values: Record<string, string | string[]>;
  errors: Record<string, string[]>;
  message?: string;
  intent: string;
  submitLabel: string;
  action?: string;
}) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const v = (k: string) => one(values, k);
  return (
    <Form method="post" action={action} noValidate className="stack" aria-label={submitLabel}>
      <input type="hidden" name="intent" value={intent} />
      <FormMessage message={message} />
      {identity ? (
        <>
          <Field
            label={t("register.name")}
            name="name"
            required
            autoComplete="name"
            defaultValue={v("name")}
            errors={errors.name}
          />
          <Field
            label={t("register.email")}
            name="email"
            type="email"
            required
            autoComplete="email"
            defaultValue={v("email")}
            errors={errors.email}
          />
        </>
      ) : null}
      <Field
        label={t("register.organisation")}
        name="organisation"
        required
        autoComplete="organization"
        hint={t("register.organisationHint")}
        defaultValue={v("organisation")}
        errors={errors.organisation}
      />
      <Select
        label={t("register.category")}
        name="categoryKey"
        required
        placeholder={t("register.chooseCategory")}
        options={spec.categories.map((c) => ({ value: c.key, label: stakeholderName(i18n.language, c.key, c.label) }))}
        defaultValue={v("categoryKey")}
        errors={errors.categoryKey}
      />
      <Field
        label={t("register.roleTitle")}
        name="roleTitle"
        autoComplete="organization-title"
        defaultValue={v("roleTitle")}
        errors={errors.roleTitle}
      />
      <div className="row">
        <Field
          label={t("register.city")}
          name="city"
          required
          autoComplete="address-level2"
          defaultValue={v("city")}
          errors={errors.city}
        />
        <Select
          label={t("register.country")}
          name="country"
          required
          placeholder={t("register.chooseCountry")}
          options={countryOptions(i18n.language)}
          defaultValue={v("country")}
          errors={errors.country}
        />
      </div>
      <Select
        label={t("register.language")}
        name="preferredLanguage"
        options={spec.languages.map((l) => ({ value: l, label: languageName(l) }))}
        defaultValue={v("preferredLanguage") ?? spec.languages[0]}
        errors={errors.preferredLanguage}
      />
      <TextArea
        label={t("register.accessibility")}
        name="accessibilityNeeds"
        rows={2}
        hint={t("register.accessibilityHint")}
        defaultValue={v("accessibilityNeeds")}
        errors={errors.accessibilityNeeds}
      />
      <Field
        label={t("register.gender")}
        name="gender"
        hint={t("register.genderHint")}
        defaultValue={v("gender")}
        errors={errors.gender}
      />
      {spec.questions.length ? (
        <Section title={t("register.yourQuestions")}>
          {spec.questions.map((q) => {
            const name = `q_${q.id}`;
            const err = errors[name];
            if (q.kind === "long_text")
              return (
                <TextArea
                  key={q.id}
                  label={<UserText text={q.label} languages={spec.languages} />}
                  name={name}
                  required={q.required}
                  defaultValue={v(name)}
                  errors={err}
                />
              );
            if (q.kind === "single_choice" || q.kind === "multi_choice") {
              return (
                <Choices
                  key={q.id}
                  legend={<UserText text={q.label} languages={spec.languages} />}
                  name={name}
                  required={q.required}
                  multiple={q.kind === "multi_choice"}
                  options={q.options.map((o) => ({
                    value: o,
                    label: <UserText text={o} languages={spec.languages} />,
                  }))}
                  defaultValue={many(values, name)}
                  errors={err}
                />
              );
            }
            return (
              <Field
                key={q.id}
                label={<UserText text={q.label} languages={spec.languages} />}
                name={name}
                required={q.required}
                defaultValue={v(name)}
                errors={err}
              />
            );
          })}
        </Section>
      ) : null}
      <Checkbox
        label={t("register.consentData")}
        name="consentData"
        required
        defaultChecked={v("consentData") === "on"}
        errors={errors.consentData}
      />
      <Checkbox
        label={spec.chathamHouse ? t("consent.quoteChatham") : t("consent.quoteNamed")}
        hint={t("consent.hint")}
        name="consentQuote"
        defaultChecked={v("consentQuote") === "on"}
        errors={errors.consentQuote}
      />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
