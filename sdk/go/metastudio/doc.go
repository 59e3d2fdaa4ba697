// Lists and gates Huawei Cloud MetaStudio virtual-avatar model training jobs.
package metastudio
