// Adding a partner institution: the form, and the pin placed by a town search or by dragging it on
// the map (the coordinates can be typed too).
import { useMutation, useQueryClient, useTRPC } from '@caremap/api-client';
import type { Bbox } from '@caremap/map';
import { Button } from '@caremap/ui';
import { useId, useState } from 'react';
import { useT } from '../translate';
import { FieldInput, fieldErrorsOf } from './Form';
import { formFields, fromValues, type Values } from './fields';
import { PinPicker, pinOf } from './PinPicker';

const blank: Values = {
  name: '',
  partnerKind: 'school',
  address: '',
  city: '',
  email: '',
  phone: '',
  lat: '',
  lng: '',
  contactPerson: '',
  cooperationAgreement: false,
  agreementDate: '',
  notes: '',
};

export function PartnerCreate({
  country,
  bounds,
  onDone,
}: {
  country: string;
  bounds: Bbox | undefined;
  onDone: (id: string | null) => void;
}) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [values, setValues] = useState<Values>(blank);
  const create = useMutation(
    trpc.networkRecord.createPartner.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.networkRecord.pathFilter());
        void queryClient.invalidateQueries(trpc.territory.mine.pathFilter());
        onDone(r.id);
      },
    }),
  );
  const setValue = (key: string, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));
  const errors = create.isError ? fieldErrorsOf(create.error, t) : null;
  return (
    <section className="prov-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('providers.addPartnerTitle')}</h3>
      <form
        className="prov-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ ...fromValues('partner_institution', values), country } as never);
        }}
      >
        {errors ? (
          <p className="prov-error" role="alert">
            {errors.message}
          </p>
        ) : null}
        <PinPicker
          bounds={bounds}
          pin={pinOf(values.lat, values.lng)}
          onPick={(p) =>
            setValues((v) => ({ ...v, lat: String(p.lat), lng: String(p.lng), city: v.city || p.name }))
          }
          onMove={(p) => setValues((v) => ({ ...v, lat: String(p.lat), lng: String(p.lng) }))}
        />
        <div className="prov-grid">
          {formFields.partner_institution.map((def) => (
            <FieldInput
              key={def.key}
              def={def}
              values={values}
              setValue={setValue}
              error={errors?.fields[def.key]}
            />
          ))}
        </div>
        <div className="prov-actions">
          <Button type="submit" busy={create.isPending}>
            {t('providers.addPartnerSubmit')}
          </Button>
          <Button variant="quiet" onClick={() => onDone(null)}>
            {t('providers.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
