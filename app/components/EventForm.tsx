import type { Said, SaidPerField } from "~/i18n";
import { EVENT_LANGUAGES, languageName } from "~/utils/languages";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Choices, Section, TextArea } from "~/components/form";
import { many, one } from "~/utils/form-data";

export type EventFormValues = Record<string, string | string[]>;

const FORMATS = ["online", "hybrid", "in_person"] as const;

/** The event's settings form, for creating and for editing (times in the event's timezone). */
export function EventForm({
  values,
  errors,
  message,
  submitLabel,
  timezones,
}: {
  values: EventFormValues;
  errors: SaidPerField;
  message?: Said;
  submitLabel: string;
  timezones: string[];
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const v = (k: string) => one(values, k);
  return (
    <Form method="post" noValidate className="stack">
      <FormMessage message={message} />
      <Section title={t("eventForm.basics")}>
        <Field label={t("eventForm.title")} name="title" required defaultValue={v("title")} errors={errors.title} />
        <TextArea
          label={t("eventForm.description")}
          name="description"
          rows={8}
          hint={t("eventForm.descriptionHint")}
          defaultValue={v("description")}
          errors={errors.description}
        />
        <Choices
          legend={t("eventForm.format")}
          name="format"
          required
          options={FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))}
          defaultValue={v("format") ?? "online"}
          errors={errors.format}
        />
        <Field
          label={t("eventForm.venue")}
          name="venue"
          hint={t("eventForm.venueHint")}
          defaultValue={v("venue")}
          errors={errors.venue}
        />
        <Field
          label={t("eventForm.meetingUrl")}
          name="meetingUrl"
          type="url"
          hint={t("eventForm.meetingUrlHint")}
          defaultValue={v("meetingUrl")}
          errors={errors.meetingUrl}
        />
        <Choices
          legend={t("eventForm.languages")}
          name="languages"
          multiple
          options={EVENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
          defaultValue={many(values, "languages") ?? ["en"]}
          errors={errors.languages}
        />
      </Section>
      <Section title={t("eventForm.when")}>
        <Field
          label={t("eventForm.timezone")}
          name="timezone"
          required
          list="timezones"
          hint={t("eventForm.timezoneHint")}
          defaultValue={v("timezone") ?? "Europe/Brussels"}
          errors={errors.timezone}
        />
        <datalist id="timezones">
          {timezones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="row">
          <Field
            label={t("eventForm.startsAt")}
            name="startsAt"
            type="datetime-local"
            required
            defaultValue={v("startsAt")}
            errors={errors.startsAt}
          />
          <Field
            label={t("eventForm.endsAt")}
            name="endsAt"
            type="datetime-local"
            required
            defaultValue={v("endsAt")}
            errors={errors.endsAt}
          />
        </div>
      </Section>
      <Section title={t("eventForm.rules")}>
        <Checkbox
          label={t("eventForm.chathamHouse")}
          name="chathamHouse"
          hint={t("eventForm.chathamHouseHint")}
          defaultChecked={v("chathamHouse") === "on"}
          errors={errors.chathamHouse}
        />
        <Field
          label={t("eventForm.capacity")}
          name="capacity"
          type="number"
          hint={t("eventForm.capacityHint")}
          defaultValue={v("capacity")}
          errors={errors.capacity}
        />
        <Field
          label={t("eventForm.retentionDays")}
          name="retentionDays"
          type="number"
          hint={t("eventForm.retentionHint")}
          defaultValue={v("retentionDays")}
          errors={errors.retentionDays}
        />
        <div className="row">
          <Field
            label={t("eventForm.opensAt")}
            name="registrationOpensAt"
            type="datetime-local"
            hint={t("eventForm.windowHint")}
            defaultValue={v("registrationOpensAt")}
            errors={errors.registrationOpensAt}
          />
          <Field
            label={t("eventForm.closesAt")}
            name="registrationClosesAt"
            type="datetime-local"
            hint={t("eventForm.windowHint")}
            defaultValue={v("registrationClosesAt")}
            errors={errors.registrationClosesAt}
          />
        </div>
        <Checkbox
          label={t("eventForm.requiresApproval")}
          name="requiresApproval"
          hint={t("eventForm.requiresApprovalHint")}
          defaultChecked={v("requiresApproval") === "on"}
          errors={errors.requiresApproval}
        />
        <TextArea
          label={t("organise.event.organisations")}
          name="organisations"
          rows={2}
          hint={t("organise.event.organisationsHint")}
          defaultValue={v("organisations")}
          errors={errors.organisations}
        />
        <TextArea
          label={t("eventForm.partners")}
          name="partners"
          rows={3}
          hint={t("eventForm.partnersHint")}
          defaultValue={v("partners")}
          errors={errors.partners}
        />
      </Section>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
